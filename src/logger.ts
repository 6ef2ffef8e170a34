/** One pino logger for the process. Pretty on a TTY, JSON lines otherwise; level from PUFA_LOG_LEVEL. */
import pino from "pino";

const level = process.env.PUFA_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");

export const logger = pino(
  { level, base: undefined },
  process.stderr.isTTY && !process.env.VITEST
    ? pino.transport({ target: "pino-pretty", options: { destination: 2, translateTime: "SYS:HH:MM:ss" } })
    : pino.destination(2),
);

export function childLogger(module: string): pino.Logger {
  return logger.child({ module });
}
