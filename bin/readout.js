#!/usr/bin/env node
// Readout's command line: compiled JavaScript from dist/ when built and current, else the sources via tsx.
import { launch } from './launch.js';

await launch('src/cli/main.ts');
