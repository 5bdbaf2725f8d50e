#!/usr/bin/env node
// `npm start`: the bot with DISCORD_TOKEN, the offline console without. Compiled JavaScript from
// dist/ when built and current, else the TypeScript sources via tsx.
import { launch } from './launch.js';

await launch('src/main.ts');
