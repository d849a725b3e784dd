import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import path from 'node:path';

@Controller('files')
export class FilesController {
  @Get('hello')
  hello(@Query('name') name: string) {
    // Returned values are sent as JSON.
    return { greeting: `Hello ${name}` };
  }

  @Get(':name')
  download(@Param('name') name: string, @Res() res: Response) {
    res.sendFile(path.basename(name), { root: path.join(__dirname, 'uploads'), dotfiles: 'deny' });
  }
}
