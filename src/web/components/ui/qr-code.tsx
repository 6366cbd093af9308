import { renderSVG } from 'uqr';

/**
 * A QR code drawn on this device (the text never leaves it), shown as an image from a data: URL:
 * the app's CSP allows `img-src data:`, and an SVG loaded as an image runs no script, so nothing
 * is ever put into the page as markup.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const svg = renderSVG(text, { ecc: 'M', border: 2 });
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
      style={{ display: 'block', background: 'white', imageRendering: 'pixelated' }}
    />
  );
}
