/**
 * NestJS item 3: decorated handler parameters are request data (`@Query('next')`, `@Body()`, `@Param('id')`),
 * `@Res() res` is the response and `@Req() req` the request; ValidationPipe with a DTO class ends query-operator
 * objects. Each case names the sink it protects.
 */
import noNosqlInjection from '../../src/rules/no-nosql-injection';
import noOpenRedirect from '../../src/rules/no-open-redirect';
import noPathTraversal from '../../src/rules/no-path-traversal';
import noReflectedXss from '../../src/rules/no-reflected-xss';
import noSqlInjection from '../../src/rules/no-sql-injection';

import * as espree from 'espree';

import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** ESLint's own parser: its method nodes carry no `decorators` array. */
const espreeCommonjs = { ...commonjs, parser: espree } as typeof commonjs;

/** A controller as \`tsc\` compiles it to CommonJS (experimentalDecorators): decorators become \`__decorate\` calls. */
const COMPILED = `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const login_dto_1 = require("./login.dto");
let AuthController = class AuthController {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    login(dto) {
        return dto;
    }
    go(next, res) {
        res.redirect(next);
    }
    find(id) {
        return this.dataSource.query(\`SELECT * FROM users WHERE id = \${id}\`);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, common_1.Post)('login'),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [login_dto_1.LoginDto]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "login", null);
__decorate([
    (0, common_1.Get)('go'),
    __param(0, (0, common_1.Query)('next')),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "go", null);
__decorate([
    (0, common_1.Get)(':id'),
    __param(0, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], AuthController.prototype, "find", null);
exports.AuthController = AuthController = __decorate([
    (0, common_1.Controller)('auth'),
    __metadata("design:paramtypes", [Object])
], AuthController);
`;

/** A controller with one route method; `header` adds imports or classes. */
function controller(method: string, header = ''): string {
  return code`
    import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
    import type { Request, Response } from 'express';
    ${header}
    @Controller('things')
    export class ThingsController {
      constructor(private readonly dataSource: DataSource, @InjectModel('User') private readonly users: Model<User>) {}

      ${method}
    }
  `;
}

const orm = "import { DataSource } from 'typeorm';\nimport { InjectModel } from '@nestjs/mongoose';\nimport { Model } from 'mongoose';\n";

runRuleTests('no-open-redirect', noOpenRedirect, {
  valid: [
    controller("@Get('go')\n  go(@Query('next') next: string, @Res() res: Response) {\n    res.redirect(next === '/home' ? next : '/');\n  }"),
    controller("@Get('go')\n  go(@Query('next') next: string, @Res() res: Response) {\n    res.redirect('/home');\n  }"),
    // an undecorated parameter is not request data
    controller("@Get('go')\n  go(next: string, @Res() res: Response) {\n    res.redirect(next);\n  }"),
    // @Redirect: a returned url that is checked (the NestJS docs' example), fixed, or a method without @Redirect
    controller(
      "@Get('docs')\n  @Redirect('https://docs.nestjs.com', 302)\n  docs(@Query('version') version: string) {\n    if (version && version === '5') {\n      return { url: 'https://docs.nestjs.com/v5/' };\n    }\n  }",
      "import { Redirect } from '@nestjs/common';",
    ),
    controller(
      "@Get('go')\n  @Redirect('/')\n  go(@Query('page') page: string) {\n    return { url: `https://example.com/${page}` };\n  }",
      "import { Redirect } from '@nestjs/common';",
    ),
    controller("@Get('go')\n  go(@Query('next') next: string) {\n    return { url: next };\n  }"),
  ],
  invalid: [
    {
      name: "@Query('next') into @Res() res.redirect",
      code: controller("@Get('go')\n  go(@Query('next') next: string, @Res() res: Response) {\n    res.redirect(next);\n  }"),
      output: null,
      errors: [{ messageId: 'openRedirect', line: 10 }],
    },
    {
      name: "@Redirect(): a returned { url } from @Query('next') is where Nest redirects",
      code: controller(
        "@Get('go')\n  @Redirect('/')\n  go(@Query('next') next: string) {\n    return { url: next, statusCode: 302 };\n  }",
        "import { Redirect } from '@nestjs/common';",
      ),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: '@Redirect', source: 'next' }, line: 11 }],
    },
    {
      name: '@Req() req.query into @Res() res.redirect',
      code: controller("@Get('go')\n  go(@Req() req: Request, @Res() res: Response) {\n    res.redirect(String(req.query.next));\n  }"),
      output: null,
      errors: [{ messageId: 'openRedirect', line: 10 }],
    },
  ],
});

runRuleTests('no-open-redirect (compiled NestJS)', noOpenRedirect, {
  valid: [{ code: COMPILED.replace('res.redirect(next)', "res.redirect('/')"), languageOptions: commonjs }],
  invalid: [
    {
      name: 'a compiled controller: __param(0, Query("next")) into __param(1, Res()) res.redirect',
      code: COMPILED,
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'next' }, line: 22 }],
    },
  ],
});

runRuleTests('no-sql-injection (compiled NestJS)', noSqlInjection, {
  valid: [{ code: COMPILED.replace('`SELECT * FROM users WHERE id = ${id}`)', "'SELECT * FROM users WHERE id = $1', [id])"), languageOptions: commonjs }],
  invalid: [
    {
      name: "a compiled controller: __param(0, Param('id')) in dataSource.query text",
      code: COMPILED,
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'requestSql', line: 25 }],
    },
  ],
});

runRuleTests('no-reflected-xss', noReflectedXss, {
  valid: [
    controller("@Get('hi')\n  hi(@Query('name') name: string, @Res() res: Response) {\n    res.json({ name });\n  }"),
    // returned objects are sent as JSON
    controller("@Get('hi')\n  hi(@Query('name') name: string) {\n    return { greeting: `Hello ${name}` };\n  }"),
    controller("@Get('hi')\n  hi(@Query() query: Record<string, string>) {\n    return query;\n  }"),
    // a Content-Type that is not HTML, a rendered view
    controller("@Get('hi')\n  @Header('Content-Type', 'text/plain')\n  hi(@Query('name') name: string) {\n    return `Hello ${name}`;\n  }", "import { Header } from '@nestjs/common';"),
    controller("@Get('hi')\n  @Render('hi')\n  hi(@Query('name') name: string) {\n    return { name };\n  }", "import { Render } from '@nestjs/common';"),
    // verified against @nestjs/core 12.5.1: with @Res() (no passthrough) or @Next() the handler answers itself and
    // the value is not sent; @Redirect redirects, @Sse streams events; @Header('Content-Type') is set before the handler
    controller("@Get('hi')\n  hi(@Query('name') name: string, @Res() res: Response) {\n    res.json({ name });\n    return `<h1>${name}</h1>`;\n  }"),
    controller("@Get('hi')\n  hi(@Query('name') name: string, @Next() next: () => void) {\n    next();\n    return `<h1>${name}</h1>`;\n  }", "import { Next } from '@nestjs/common';"),
    controller("@Get('go')\n  @Redirect('/home')\n  go(@Query('name') name: string) {\n    return `<h1>${name}</h1>`;\n  }", "import { Redirect } from '@nestjs/common';"),
    controller("@Sse('events')\n  events(@Query('name') name: string) {\n    return `<h1>${name}</h1>`;\n  }", "import { Sse } from '@nestjs/common';"),
    controller("@Get('hi')\n  @Header('Content-Type', 'application/json')\n  hi(@Query('name') name: string) {\n    return JSON.stringify(`<h1>${name}</h1>`);\n  }", "import { Header } from '@nestjs/common';"),
    // a return of a nested function is not the handler's
    controller("@Get('hi')\n  hi(@Query('name') name: string) {\n    const wrap = function () {\n      return `<b>${name}</b>`;\n    };\n    return { html: wrap() };\n  }"),
    // a controller of a Nest app on Fastify: reply.send sends strings as text/plain
    controller("@Get('hi')\n  hi(@Query('name') name: string, @Res() res: FastifyReply) {\n    res.send(`<h1>${name}</h1>`);\n  }", "import type { FastifyReply } from 'fastify';"),
    // regression: a compiled controller parsed by espree (methods without a decorators array) returns a value
    { code: COMPILED, languageOptions: espreeCommonjs },
    // a method of a class that is no controller
    code`
      import { Query } from '@nestjs/common';
      export class Helper {
        hi(@Query('name') name: string) {
          return \`<h1>\${name}</h1>\`;
        }
      }
    `,
  ],
  invalid: [
    {
      name: 'a returned string is sent with res.send, as text/html',
      code: controller("@Get('hi')\n  hi(@Query('name') name: string) {\n    return `<h1>Hello ${name}</h1>`;\n  }"),
      output: null,
      errors: [{ messageId: 'reflected', data: { source: 'name', method: 'return' }, line: 10 }],
    },
    {
      name: "a returned @Param('id') string, with an HTML Content-Type",
      code: controller(
        "@Get(':id')\n  @Header('Content-Type', 'text/html')\n  hi(@Param('id') id: string) {\n    return id;\n  }",
        "import { Header } from '@nestjs/common';",
      ),
      output: null,
      errors: [{ messageId: 'reflected', data: { source: 'id', method: 'return' }, line: 11 }],
    },
    {
      name: '@Res({ passthrough: true }): the returned string is still sent, as text/html',
      code: controller("@Get('hi')\n  hi(@Query('name') name: string, @Res({ passthrough: true }) res: Response) {\n    res.status(200);\n    return `<h1>${name}</h1>`;\n  }"),
      output: null,
      errors: [{ messageId: 'reflected', data: { source: 'name', method: 'return' }, line: 11 }],
    },
    {
      name: "@Query('name') written into HTML with @Res() res.send",
      code: controller("@Get('hi')\n  hi(@Query('name') name: string, @Res() res: Response) {\n    res.send(`<h1>Hello ${name}</h1>`);\n  }"),
      output: null,
      errors: [{ messageId: 'reflected', line: 10 }],
    },
  ],
});

runRuleTests('no-path-traversal', noPathTraversal, {
  valid: [controller("@Get('file')\n  file(@Query('name') name: string, @Res() res: Response) {\n    res.sendFile(path.basename(name), { root: 'files' });\n  }", "import path from 'node:path';")],
  invalid: [
    {
      name: "@Param('name') joined into a path for @Res() res.sendFile",
      code: controller(
        "@Get('file/:name')\n  file(@Param('name') name: string, @Res() res: Response) {\n    res.sendFile(path.join(__dirname, 'files', name));\n  }",
        "import path from 'node:path';",
      ),
      output: null,
      errors: [{ messageId: 'traversal', line: 10 }],
    },
  ],
});

runRuleTests('no-sql-injection', noSqlInjection, {
  valid: [
    controller("@Get(':id')\n  one(@Param('id') id: string) {\n    return this.dataSource.query('SELECT * FROM users WHERE id = $1', [id]);\n  }", orm),
    // TypeORM query builder with parameters, and a constant fragment
    controller(
      "@Get(':id')\n  one(@Param('id') id: string) {\n    return this.dataSource.createQueryBuilder().select('u').from('users', 'u').where('u.id = :id', { id }).orderBy(`u.${'name'}`).getOne();\n  }",
      orm,
    ),
    // where() of a file that does not use typeorm is not SQL text (knex takes a column name)
    code`
      import { Controller, Get, Param } from '@nestjs/common';
      import knex from 'knex';
      const db = knex({});
      @Controller('x')
      export class X {
        @Get(':id')
        one(@Param('id') id: string) {
          return db('users').where(\`\${id}\`);
        }
      }
    `,
  ],
  invalid: [
    {
      name: "@Param('id') in a TypeORM query builder where() fragment",
      code: controller("@Get(':id')\n  one(@Param('id') id: string) {\n    return this.dataSource.createQueryBuilder().select('u').from('users', 'u').where(`u.id = ${id}`).getOne();\n  }", orm),
      output: null,
      errors: [{ messageId: 'requestSql', data: { method: '….where', source: 'id' }, line: 13 }],
    },
    {
      name: "@Param('id') in TypeORM dataSource.query text",
      code: controller("@Get(':id')\n  one(@Param('id') id: string) {\n    return this.dataSource.query(`SELECT * FROM users WHERE id = ${id}`);\n  }", orm),
      output: null,
      errors: [{ messageId: 'requestSql', line: 13 }],
    },
    {
      name: "@Headers('x-tenant') in Prisma $queryRawUnsafe text",
      code: controller(
        "@Get('tenant')\n  tenant(@Headers('x-tenant') tenant: string) {\n    return this.prisma.$queryRawUnsafe(`SELECT * FROM t WHERE name = '${tenant}'`);\n  }",
        orm,
      ),
      output: null,
      errors: [{ messageId: 'requestSql', line: 13 }],
    },
  ],
});

/** A one-file Nest app whose controller passes a DTO field to a Mongoose filter; `pipes` goes into the bootstrap. */
function wholeApp(pipes: string): string {
  return code`
    import { NestFactory } from '@nestjs/core';
    import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
    import { InjectModel } from '@nestjs/mongoose';
    import { Model } from 'mongoose';

    class FindDto {
      email!: string;
    }

    @Controller('users')
    class UsersController {
      constructor(@InjectModel('User') private readonly users: Model<unknown>) {}

      @Post('find')
      find(@Body() dto: FindDto) {
        return this.users.findOne({ email: dto.email });
      }
    }

    @Module({ controllers: [UsersController] })
    class AppModule {}

    async function bootstrap() {
      const app = await NestFactory.create(AppModule);
      ${pipes}await app.listen(3000);
    }
    bootstrap();
  `;
}

/** The compiled controller's login passing the body to a Mongoose filter; `types` is its design:paramtypes. */
const compiledFind = (types: string): string =>
  COMPILED.replace('return dto;', 'return this.users.findOne({ email: dto.email });')
    .replace('const login_dto_1', 'const mongoose_1 = require("mongoose");\nconst login_dto_1')
    .replace('[login_dto_1.LoginDto]', types);

runRuleTests('no-nosql-injection (compiled NestJS)', noNosqlInjection, {
  // design:paramtypes names a DTO class: taken as validated, as in TypeScript source
  valid: [{ code: compiledFind('[login_dto_1.LoginDto]'), languageOptions: commonjs }],
  invalid: [
    {
      name: 'a compiled @Body() typed Object (any) into a Mongoose filter',
      code: compiledFind('[Object]'),
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          suggestions: [{ messageId: 'wrapString', output: compiledFind('[Object]').replace('email: dto.email', 'email: String(dto.email)') }],
        },
      ],
    },
  ],
});

runRuleTests('no-nosql-injection', noNosqlInjection, {
  valid: [
    // a DTO class in a controller whose pipes this file does not show: a global ValidationPipe is the norm
    controller("@Post('find')\n  find(@Body() dto: FindDto) {\n    return this.users.findOne({ email: dto.email });\n  }", `${orm}class FindDto { email!: string }`),
    controller("@Post('find')\n  find(@Body('email') email: string) {\n    return this.users.findOne({ email: String(email) });\n  }", orm),
    { name: 'a global ValidationPipe checks the DTO fields', code: wholeApp('app.useGlobalPipes(new ValidationPipe());\n  ') },
  ],
  invalid: [
    {
      name: 'a DTO without any ValidationPipe in a file that shows the whole app is unchecked JSON',
      code: wholeApp(''),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 16,
          suggestions: [{ messageId: 'wrapString', output: wholeApp('').replace('email: dto.email', 'email: String(dto.email)') }],
        },
      ],
    },
    {
      name: '@Body() typed any into a Mongoose filter',
      code: controller("@Post('find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: body.email });\n  }", orm),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 13,
          suggestions: [
            {
              messageId: 'wrapString',
              output: controller("@Post('find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: String(body.email) });\n  }", orm),
            },
          ],
        },
      ],
    },
    {
      name: "@Body('email') typed string is still whatever JSON the client sent",
      code: controller("@Post('find')\n  find(@Body('email') email: string) {\n    return this.users.findOne({ email });\n  }", orm),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 13,
          suggestions: [
            {
              messageId: 'wrapString',
              output: controller("@Post('find')\n  find(@Body('email') email: string) {\n    return this.users.findOne({ email: String(email) });\n  }", orm),
            },
          ],
        },
      ],
    },
  ],
});

// Session 19 (branch nest19): the request through an ExecutionContext / ArgumentsHost, `switchToHttp().getRequest()`.
/** A filter, a guard or an interceptor whose body is `body`, with the imports it needs. */
const contextCode = (body: string, imports = "import { ArgumentsHost, CallHandler, Catch, ExecutionContext, Injectable } from '@nestjs/common';"): string => `${imports}
import type { Request, Response } from 'express';

${body}
`;
const FILTER = (body: string): string =>
  contextCode(`@Catch()
export class RedirectFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    ${body}
  }
}`);
const INTERCEPTOR = (body: string): string =>
  contextCode(`@Injectable()
export class HtmlInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    ${body}
    return next.handle();
  }
}`);
/** A custom parameter decorator of the file, and a controller route that redirects to its parameter. */
const PARAM_DECORATOR = (returned: string, controllerImports = ''): string => code`
  import { Controller, createParamDecorator, ExecutionContext, Get, Res } from '@nestjs/common';
  import type { Response } from 'express';
  ${controllerImports}
  export const Target = createParamDecorator((data: unknown, ctx: ExecutionContext) => ${returned});

  @Controller('auth')
  export class AuthController {
    @Get('go')
    go(@Target() target: string, @Res() res: Response) {
      res.redirect(target);
    }
  }
`;

runRuleTests('no-open-redirect (ExecutionContext, ArgumentsHost)', noOpenRedirect, {
  valid: [
    FILTER("const ctx = host.switchToHttp();\n    const response = ctx.getResponse<Response>();\n    response.redirect('/login');"),
    // what the request carries that is no request data (`req.user`, set by a guard)
    FILTER("const request = host.switchToHttp().getRequest<Request & { user?: { home: string } }>();\n    host.switchToHttp().getResponse<Response>().redirect(request.user!.home);"),
    INTERCEPTOR("const req = context.switchToHttp().getRequest<Request>();\n    if (req.query.next === '/home') context.switchToHttp().getResponse<Response>().redirect(String(req.query.next));"),
    // a custom decorator that returns the user a guard set, not request data
    PARAM_DECORATOR('ctx.switchToHttp().getRequest().user.home'),
    // a context that is not typed as one (nor a createParamDecorator callback): not read
    contextCode("export class Gate {\n  canActivate(context: any) {\n    context.switchToHttp().getResponse().redirect(context.switchToHttp().getRequest().query.next);\n    return true;\n  }\n}"),
  ],
  invalid: [
    {
      name: 'an exception filter redirects to request data: host.switchToHttp().getRequest().query',
      code: FILTER("const ctx = host.switchToHttp();\n    const request = ctx.getRequest<Request>();\n    const response = ctx.getResponse<Response>();\n    response.redirect(String(request.query.returnTo));"),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'request.query.returnTo' }, line: 10 }],
    },
    {
      name: 'a guard redirects to request data: context.switchToHttp().getRequest()',
      code: contextCode(
        "@Injectable()\nexport class LoginGuard {\n  canActivate(context: ExecutionContext) {\n    const { query } = context.switchToHttp().getRequest<Request>();\n    context.switchToHttp().getResponse<Response>().redirect(String(query.next));\n    return false;\n  }\n}",
      ),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'context.switchToHttp().getRequest<Request>().query' }, line: 8 }],
    },
    {
      name: 'a custom parameter decorator returns request data: the route parameter carries it',
      code: PARAM_DECORATOR('ctx.switchToHttp().getRequest().query.next'),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'target' }, line: 10 }],
    },
    {
      name: 'a custom parameter decorator of a block body, the request kept in a const',
      code: PARAM_DECORATOR('{\n    const request = ctx.switchToHttp().getRequest();\n    return request.query[data as string];\n  }'),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'target' }, line: 13 }],
    },
  ],
});

runRuleTests('no-reflected-xss (ExecutionContext)', noReflectedXss, {
  valid: [INTERCEPTOR("const res = context.switchToHttp().getResponse<Response>();\n    res.json({ name: context.switchToHttp().getRequest<Request>().query.name });")],
  invalid: [
    {
      name: 'an interceptor writes request data into HTML',
      code: INTERCEPTOR("const req = context.switchToHttp().getRequest<Request>();\n    const res = context.switchToHttp().getResponse<Response>();\n    res.send(`<p>${req.query.name}</p>`);"),
      output: null,
      errors: [{ messageId: 'reflected', data: { source: 'req.query.name', method: 'res.send' }, line: 9 }],
    },
  ],
});
