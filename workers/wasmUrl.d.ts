/** Vite's `?url` import of a `.wasm` file: the URL of the emitted asset (tsconfig.workers has no vite/client types). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
