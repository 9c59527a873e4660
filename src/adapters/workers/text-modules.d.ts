// wrangler bundles `*.jsonl` files as text modules (wrangler.toml [[rules]] type "Text").
declare module '*.jsonl' {
  const text: string;
  export default text;
}
