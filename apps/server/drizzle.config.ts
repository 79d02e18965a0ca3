import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @lianxin/server` writes a new SQL migration from the schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
