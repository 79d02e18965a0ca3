#!/usr/bin/env node
// `npx lianxin COMMAND` from the repository root: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
