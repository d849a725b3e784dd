// Report downloads as a TypeScript controller: the handlers are typed with Express's Request and Response.
import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function download(req: Request, res: Response): Promise<void> {
  const file = path.join('reports', String(req.params.name));
  res.type('application/pdf').send(await readFile(file));
}

export function preview(req: Request, res: Response): void {
  const title = String(req.query.title);
  res.send(`<h1>${title}</h1>`);
}
