import { main } from '../../src/cli/main';

/** What a command run printed: its exit code, its standard output, its errors, and both as they came. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Output and errors interleaved, in the order the command printed them. */
  both: string;
}

/** Runs the command line in process (the current sources, never a stale build), capturing what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  let both = '';
  const code = await main(args, {
    out: (t) => {
      out += t + '\n';
      both += t + '\n';
    },
    err: (t) => {
      err += t + '\n';
      both += t + '\n';
    },
  });
  return { code, out, err, both };
}
