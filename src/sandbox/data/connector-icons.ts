// The connectors' logos as the sandbox serves them itself: demo mode never asks a CDN for an image.
import type { Connector } from '../../shared/pluggy';
import { findConnector } from './connectors';

/** The mark each bank's logo shows (the sandbox's own stand-ins, not the banks' trademarks). */
const MARKS: Record<number, string> = {
  601: 'itaú',
  602: 'nu',
  603: 'B',
  604: 'BB',
  605: 'CX',
  606: 'inter',
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The connector's logo: its mark in white on its brand colour, as a small SVG. */
export function connectorIconSvg(id: number): string | null {
  const connector = findConnector(id);
  if (!connector) return null;
  const mark = MARKS[id] ?? 'P';
  const color = /^[0-9a-f]{6}$/i.test(connector.primaryColor ?? '')
    ? `#${connector.primaryColor}`
    : '#555555';
  // Longer marks get a smaller font so they stay inside the square.
  const size = mark.length <= 1 ? 36 : mark.length <= 2 ? 28 : mark.length <= 4 ? 19 : 15;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="12" fill="${color}"/>` +
    `<text x="32" y="33" fill="#ffffff" font-family="Arial, Helvetica, sans-serif" font-weight="700" ` +
    `font-size="${size}" text-anchor="middle" dominant-baseline="central">${escapeXml(mark)}</text></svg>`
  );
}

/** The connector as the API answers it: its `imageUrl` on the sandbox's own loopback address. */
export function withIcon(connector: Connector, baseUrl: string): Connector {
  return { ...connector, imageUrl: `${baseUrl}/connector-icons/${connector.id}.svg` };
}
