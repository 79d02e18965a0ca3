import type { InjectOptions } from 'fastify';

/** A POST of one file in the multipart field `file`, as the web app's uploads send it. */
export function multipartFile(url: string, file: Buffer, fileName = 'upload.xlsx'): InjectOptions {
  const boundary = '----lianxin-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
