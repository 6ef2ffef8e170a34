/** A progress bar on a terminal (cli-progress), silence otherwise: logs and pipes stay clean. */
import cliProgress from "cli-progress";

export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
