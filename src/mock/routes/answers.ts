/** How the mock's routes write their answers, and read what they are sent. */
import { HttpResponse } from 'msw';
import type { ProtocolError } from '../../core/rules.js';
import { escapeHtml } from '../oembed.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** What the `html-title` fault puts where a page would show text. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...headers } });

export const errorAnswer = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response => json({ error: { code, message } }, status, headers);

export const protocolError = ({ status, error }: ProtocolError): Response => json({ error }, status);

export const html = (title: string, body: string, status = 200): Response =>
  new HttpResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<body style="font:16px system-ui;margin:2rem"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );

/** The answer to a CORS preflight; the mock's HTTP server adds the headers (`server.ts`). */
export const preflight = (): Response => new HttpResponse(null, { status: 204 });

export const parseUrl = (input: string): URL | null => {
  try {
    return new URL(input);
  } catch {
    return null;
  }
};

/** Parsed JSON when it is JSON, else the text. */
export const parseBody = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
