/** Reading back from the real ERPNext what a write-back recorded: the invoice, India Compliance's logs, the attachments, the print view. */
import type { FrappeClient } from './frappe-client';

export interface Attachment {
  name: string;
  file_name: string;
  file_url: string;
}

/** The invoice's attachments as the desk lists them (docinfo), which an Accounts User may read. */
export async function attachments(c: FrappeClient, invoice: string): Promise<Attachment[]> {
  const q = new URLSearchParams({ doctype: 'Sales Invoice', name: invoice });
  const res = await c.request<{ docinfo?: { attachments?: Attachment[] } }>('GET', `/api/method/frappe.desk.form.load.getdoc?${q}`);
  return res.body.docinfo?.attachments ?? [];
}

export async function attachmentJson(c: FrappeClient, invoice: string, fileName: RegExp): Promise<Record<string, unknown> | null> {
  const a = (await attachments(c, invoice)).find((f) => fileName.test(f.file_name));
  if (!a) return null;
  const res = await c.fetch(`${c.url}${a.file_url}`);
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
}

/** The timeline comments the desk shows for the invoice. */
export async function comments(c: FrappeClient, invoice: string): Promise<Array<{ content: string; owner?: string }>> {
  const q = new URLSearchParams({ doctype: 'Sales Invoice', name: invoice });
  const res = await c.request<{ docinfo?: { comments?: Array<{ content: string; owner?: string }> } }>('GET', `/api/method/frappe.desk.form.load.getdoc?${q}`);
  return res.body.docinfo?.comments ?? [];
}

/** The HTML print view of the invoice in `format`, as the desk's Print opens it. */
export async function printView(c: FrappeClient, invoice: string, format: string): Promise<string> {
  const q = new URLSearchParams({ doctype: 'Sales Invoice', name: invoice, format, no_letterhead: '1' });
  const res = await c.fetch(`${c.url}/printview?${q}`);
  return res.text();
}

/** India Compliance writes its logs in a background job: wait (bounded) until the log says what we expect. */
export async function waitForLog<T extends Record<string, unknown>>(c: FrappeClient, doctype: string, name: string, ready: (log: T) => boolean): Promise<T> {
  let last: T | null = null;
  for (let i = 0; i < 120; i++) {
    const res = await c.request<{ data?: T }>('GET', `/api/resource/${encodeURIComponent(doctype)}/${encodeURIComponent(name)}`);
    if (res.ok && res.body.data) {
      last = res.body.data as T;
      if (ready(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${doctype} ${name} did not reach the expected state (the background worker runs India Compliance's log jobs): ${JSON.stringify(last)}`);
}

/** Text of the print HTML without tags, for plain "shows …" assertions. */
export const textOfHtml = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The base64 PNG of IRN Bridge's QR in the print view, or null. */
export function printedQr(html: string): Buffer | null {
  const m = /<img[^>]*class="irn-bridge-qr"[^>]*src="data:image\/png;base64,([^"]+)"/.exec(html);
  return m ? Buffer.from(m[1], 'base64') : null;
}

/** Polls `read` (bounded) until it gives a value: the extension records after the panel shows the result. */
export async function waitFor<T>(read: () => Promise<T | null | undefined>): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const v = await read();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the expected record did not appear on the server');
}
