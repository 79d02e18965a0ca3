import { Input } from 'antd';

/** 部室 of an organization that acts on its own (decision 5); left empty, the whole organization acts. */
export function DepartmentInput({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input
      aria-label={label}
      style={{ width: 180 }}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
