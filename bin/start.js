#!/usr/bin/env node
// `npm start`: the bot with DISCORD_TOKEN, the offline console without. TypeScript via tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
