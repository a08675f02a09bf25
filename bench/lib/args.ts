/** The value of a `--name=value` command-line argument of a bench tool, if given. */
export function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
