import { expect, test } from '@playwright/test';

test('the server answers its health check', async ({ request }) => {
  const res = await request.get('/api/v1/health');
  expect(res.status()).toBe(200);
});
