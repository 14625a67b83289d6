// <live-status>: a status cell that redraws itself as of the moment it is read, from the evidence its build wrote
// into `data-live` (lib/live-status.ts). Components that write such cells (LiveStatus, EvidenceTable,
// ReleaseSignals) load this from their own <script>; the browser loads it once.
import { decodeLiveStatus, liveView } from '../lib/live-status.ts';
import { renderStatus } from './status-dom.ts';

class LiveStatusElement extends HTMLElement {
  connectedCallback(): void {
    const now = Date.now();
    renderStatus(this, liveView(decodeLiveStatus(this.dataset.live!), now), now);
  }
}

if (!customElements.get('live-status')) customElements.define('live-status', LiveStatusElement);
