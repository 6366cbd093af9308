import readline from 'node:readline';

/**
 * A password for a command, never from its arguments (they end up in shell history and `ps`):
 * the first line of standard input when it is piped (`echo … | mila user reset-password …`),
 * else a prompt that does not echo what is typed.
 */
export async function readPassword(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  const output = process.stdout;
  const rl = readline.createInterface({ input, output, terminal: true });
  // Muting readline's echo: the prompt is written once, the keystrokes not at all.
  const writable = rl as unknown as { _writeToOutput: (s: string) => void };
  output.write(prompt);
  writable._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    output.write('\n');
  }
}
