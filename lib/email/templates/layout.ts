// The frame every MedVault mail shares: responsive, inline-styled (mail
// clients ignore stylesheets), with a plain-text twin. Mails say what happened
// and link into the app; they never carry medical content.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

export function renderEmail(options: { subject: string; heading: string; paragraphs: string[]; action?: { label: string; url: string }; footnote?: string }): EmailContent {
  const { subject, heading, paragraphs, action, footnote } = options;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f8fafc;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:16px">
<tr><td style="padding:28px 28px 8px;font-size:18px;font-weight:700;color:#115e59">MedVault</td></tr>
<tr><td style="padding:8px 28px"><h1 style="margin:0 0 12px;font-size:22px">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 12px;font-size:16px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p style="margin:20px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#0f766e;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:8px">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#475569">Or open this link: <a href="${escapeHtml(action.url)}" style="color:#0f766e;word-break:break-all">${escapeHtml(action.url)}</a></p>` : ""}
</td></tr>
<tr><td style="padding:8px 28px 28px;font-size:13px;color:#475569">${escapeHtml(footnote ?? "You receive this mail because of activity on your MedVault account.")}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [heading, "", ...paragraphs, ...(action ? ["", `${action.label}: ${action.url}`] : []), "", footnote ?? "You receive this mail because of activity on your MedVault account."].join("\n");
  return { subject, html, text };
}
