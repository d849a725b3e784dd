import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

export class LoginDto {
  email!: string;
  password!: string;
}

@Controller('auth')
export class AuthController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('login')
  async login(@Body() dto: LoginDto) {
    const [user] = await this.dataSource.query(`SELECT * FROM users WHERE email = '${dto.email}'`);
    return { ok: Boolean(user) };
  }

  @Get('callback')
  callback(@Query('next') next: string, @Res() res: Response) {
    res.redirect(next);
  }
}
