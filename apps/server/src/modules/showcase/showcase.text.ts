/**
 * The youths' data a published case must not carry: their names (those the case names and those its
 * author keeps), a mobile number, an ID number. Refused when an admin publishes; replaced in the
 * words the list suggests to start from.
 */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;

/** A one-character "name" would refuse every text holding the character: only names of two or more. */
const checked = (names: readonly string[]) =>
  names.filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length);

/** What of a youth's data the text holds, by kind (never which name: the admin may see them masked). */
export function personalDataIn(text: string, names: readonly string[]): ('name' | 'phone' | 'id_number')[] {
  const found: ('name' | 'phone' | 'id_number')[] = [];
  if (checked(names).some((n) => text.includes(n))) found.push('name');
  if (new RegExp(MOBILE.source).test(text)) found.push('phone');
  if (new RegExp(ID_NUMBER.source).test(text)) found.push('id_number');
  return found;
}

/** The text with each name turned into its surname and 某 (李青 → 李某), numbers starred. */
export function withoutPersonalData(text: string, names: readonly string[]): string {
  let out = text.replace(ID_NUMBER, '******').replace(MOBILE, '***********');
  for (const n of checked(names)) out = out.split(n).join(`${[...n][0]}某`);
  return out;
}
