// Status badges for vendors' READMEs: an SVG and the same in the shields.io endpoint format. The SVG is
// self-contained (no script, font or link), and its words say what its colour shows.
import { markdownText } from '../../../backend/common/markdown.ts';
import type { CiStatus, StatusKind } from './status.ts';
import { xmlText } from './xml.ts';

export interface Badge {
  label: string;
  message: string;
  kind: StatusKind;
}

export const BADGE_LABEL = 'openstack CI';

// White text on each of these has a contrast of at least 4.5:1.
export const BADGE_COLOR: Record<StatusKind, string> = {
  passing: '1a7f37',
  failing: 'b42318',
  stale: '8a5300',
  development: '57606a',
  unverified: '57606a',
  unscanned: '57606a',
  none: '57606a',
};

const WORDS: Record<Exclude<StatusKind, 'development'>, string> = {
  passing: 'passing',
  failing: 'failing',
  stale: 'stale',
  unverified: 'no CI evidence',
  unscanned: 'not yet scanned',
  none: 'no CI declared',
};

/** The badge's words: the status and the release it speaks of ("passing · Gazpacho"). */
export function badgeFor(status: CiStatus): Badge {
  if (status.kind === 'development') {
    return { label: BADGE_LABEL, message: `only on ${status.release} (in development)`, kind: status.kind };
  }
  const release = 'release' in status && status.release ? ` · ${status.release}` : '';
  return { label: BADGE_LABEL, message: `${WORDS[status.kind]}${release}`, kind: status.kind };
}

/** The shields.io endpoint document (https://shields.io/badges/endpoint-badge). */
export function shieldsJson(badge: Badge): {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
} {
  return { schemaVersion: 1, label: badge.label, message: badge.message, color: BADGE_COLOR[badge.kind] };
}

// Approximate advance widths of Verdana at 11 px, enough to size the boxes around the words.
const NARROW = new Set([..."fijlrtI.,:;!|'()[] ·"]);
const WIDE = new Set([...'mwMW@%']);
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += NARROW.has(c) ? 3.9 : WIDE.has(c) ? 10.5 : c >= 'A' && c <= 'Z' ? 7.5 : 6.8;
  return Math.ceil(width);
}

export function badgeSvg(badge: Badge): string {
  const labelWidth = textWidth(badge.label) + 12;
  const messageWidth = textWidth(badge.message) + 12;
  const width = labelWidth + messageWidth;
  const words = xmlText(`${badge.label}: ${badge.message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${words}">
<title>${words}</title>
<rect width="${labelWidth}" height="20" fill="#3d434a"/>
<rect x="${labelWidth}" width="${messageWidth}" height="20" fill="#${BADGE_COLOR[badge.kind]}"/>
<g fill="#fff" font-family="Verdana,'DejaVu Sans',sans-serif" font-size="11" text-anchor="middle">
<text x="${labelWidth / 2}" y="14">${xmlText(badge.label)}</text>
<text x="${labelWidth + messageWidth / 2}" y="14">${xmlText(badge.message)}</text>
</g>
</svg>
`;
}

/** What a vendor pastes into a README: the badge linking to the driver's page. */
export function badgeSnippets(
  badgeUrl: string,
  pageUrl: string,
  alt: string,
): { markdown: string; html: string } {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    markdown: `[![${markdownText(alt)}](${badgeUrl})](${pageUrl})`,
    html: `<a href="${attr(pageUrl)}"><img src="${attr(badgeUrl)}" alt="${attr(alt)}"></a>`,
  };
}
