/** The part of autocannon 9 the bench uses (the package ships no types, and @types/autocannon is not installed). */
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      requests?: (Request & { setupRequest?: (req: Request) => Request })[];
    };
    type Result = {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '3xx': number;
    };
    type Instance = {
      on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
      stop(): void;
    };
  }
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;
  export default autocannon;
}
