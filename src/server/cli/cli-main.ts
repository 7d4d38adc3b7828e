/** Runs a command-line entry point: its errors are printed as one message, never a stack trace, with exit code 1. */
export function cliMain(main: () => Promise<void>) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
