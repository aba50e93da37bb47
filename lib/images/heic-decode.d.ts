// heic-decode ships JavaScript only; this is its README's API. `all` gives each
// image's size before decoding it, and its resources are freed by `dispose`.
declare module "heic-decode" {
  interface DecodedPixels {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  interface HeicImage {
    width: number;
    height: number;
    decode(): Promise<DecodedPixels>;
  }
  function decode(input: { buffer: Uint8Array }): Promise<DecodedPixels>;
  namespace decode {
    function all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }>;
  }
  export = decode;
}
