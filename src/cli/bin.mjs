#!/usr/bin/env node
// The `pufa` command: registers tsx's loader, then runs the TypeScript CLI (no build step to forget).
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("./main.ts");
await runCli(process.argv);
