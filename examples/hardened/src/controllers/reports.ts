// Report downloads as a TypeScript controller, keeping only the file name and escaping the title.
import escapeHtml from 'escape-html';
import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function download(req: Request, res: Response): Promise<void> {
  const file = path.join('reports', path.basename(String(req.params.name)));
  res.type('application/pdf').send(await readFile(file));
}

export function preview(req: Request, res: Response): void {
  const title = String(req.query.title);
  res.send(`<h1>${escapeHtml(title)}</h1>`);
}
