import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import path from 'node:path';

@Controller('files')
export class FilesController {
  @Get('hello')
  hello(@Query('name') name: string, @Res() res: Response) {
    res.send(`<h1>Hello ${name}</h1>`);
  }

  @Get(':name')
  download(@Param('name') name: string, @Res() res: Response) {
    res.sendFile(path.join(__dirname, 'uploads', name));
  }
}
