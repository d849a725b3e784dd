/**
 * NestJS routes a controller inherits from a base class of its file (`class UsersController extends CrudController`):
 * Nest reads the route methods through the prototype chain, so the base's `@Post('login')` is a route on the
 * subclass's prefix, with the class guards and pipes of both classes. A base class that is no controller serves no
 * route of its own. Bases of other files: tests/nest-fixture.test.ts (tests/fixtures/projects/nest-crud).
 */
import noSqlInjection from '../../src/rules/no-sql-injection';
import requireInputValidation from '../../src/rules/require-input-validation';
import requireRateLimit from '../../src/rules/require-rate-limit';

import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** A one-file Nest app whose `UsersController` extends `CrudController`, with the given pieces. */
function app({
  base = '',
  baseMethod = '',
  sub = '',
  subBody = '',
  superClass = 'CrudController',
  bootstrap = '',
  param = '@Body() body: LoginDto',
}: { base?: string; baseMethod?: string; sub?: string; subBody?: string; superClass?: string; bootstrap?: string; param?: string }): string {
  return code`
    import { NestFactory } from '@nestjs/core';
    import { Body, Controller, Get, Module, Param, Post, UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';
    import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
    import { DataSource } from 'typeorm';

    class LoginDto {
      email!: string;
    }

    ${base}abstract class CrudController {
      constructor(protected readonly dataSource: DataSource) {}

      ${baseMethod}@Post('login')
      login(${param}) {
        return body;
      }

      @Get(':id')
      one(@Param('id') id: string) {
        return this.dataSource.query(\`SELECT * FROM users WHERE id = \${id}\`);
      }
    }

    ${sub}@Controller('users')
    class UsersController extends ${superClass} {${subBody}}

    @Module({ controllers: [UsersController] })
    class AppModule {}

    async function bootstrap() {
      const app = await NestFactory.create(AppModule);
      ${bootstrap}await app.listen(3000);
    }
    bootstrap();
  `;
}

const limited = '@UseGuards(ThrottlerGuard)\n';

/** The same, as `tsc` compiles it to CommonJS: decorators are `__decorate` calls on `X.prototype`. */
const COMPILED = `"use strict";
var __decorate = (this && this.__decorate) || function () {};
var __param = (this && this.__param) || function () {};
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@nestjs/core");
const typeorm_1 = require("typeorm");
const common_1 = require("@nestjs/common");
let CrudController = class CrudController {
    one(id) {
        return this.dataSource.query(\`SELECT * FROM users WHERE id = \${id}\`);
    }
};
__decorate([
    (0, common_1.Get)(':id'),
    __param(0, (0, common_1.Param)('id'))
], CrudController.prototype, "one", null);
let UsersController = class UsersController extends CrudController {
};
UsersController = __decorate([
    (0, common_1.Controller)('users')
], UsersController);
let AppModule = class AppModule {
};
AppModule = __decorate([
    (0, common_1.Module)({ controllers: [UsersController] })
], AppModule);
async function bootstrap() {
    const app = await core_1.NestFactory.create(AppModule);
    await app.listen(3000);
}
bootstrap();
`;

runRuleTests('require-rate-limit', requireRateLimit, {
  valid: [
    { name: "@UseGuards(ThrottlerGuard) on the base class guards the subclass's routes", code: app({ base: limited }) },
    { name: '@UseGuards(ThrottlerGuard) on the subclass guards the routes it inherits', code: app({ sub: limited }) },
    { name: 'on the inherited method', code: app({ baseMethod: '@UseGuards(ThrottlerGuard)\n  ' }) },
    { name: 'a method the subclass declares again without a route decorator is no route', code: app({ subBody: '\n  login() {\n    return null;\n  }\n' }) },
    {
      name: 'a base class of another file or package may add class guards: unknown, nothing is said of the own routes',
      code: app({ superClass: 'BaseController', subBody: "\n  @Post('signin')\n  signin(@Body() body: LoginDto) {\n    return body;\n  }\n" }).replace(
        'class LoginDto',
        "import { BaseController } from 'nest-crud-kit';\nclass LoginDto",
      ),
    },
    {
      name: 'a mixin (extends BaseController(User)) stays unknown',
      code: app({ superClass: 'BaseController(LoginDto)', subBody: "\n  @Post('signin')\n  signin(@Body() body: LoginDto) {\n    return body;\n  }\n" }).replace(
        'class LoginDto',
        "import { BaseController } from './base';\nclass LoginDto",
      ),
    },
    {
      name: 'classes that extend each other (a cycle) do not hang the rule',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { Controller, Module, Post } from '@nestjs/common';
        @Controller('a')
        class A extends B {
          @Post('login')
          login() {}
        }
        class B extends A {}
        @Module({ controllers: [A] })
        class AppModule {}
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          await app.listen(3000);
        }
      `,
    },
    {
      name: 'an undeclared base is unknown',
      code: code`
        import { Controller, Post } from '@nestjs/common';
        @Controller('a')
        class A extends (globalThis as any).Base {
          @Post('login')
          login() {}
        }
      `,
    },
  ],
  invalid: [
    {
      name: "the base's login is a route of the subclass's prefix, reported once (the abstract base serves no route)",
      code: app({}),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/users/login', app: 'UsersController' }, line: 13, column: 9 }],
    },
    {
      name: 'through a class between them',
      code: app({ superClass: 'MidController' }).replace('@Controller(\'users\')', "class MidController extends CrudController {}\n\n@Controller('users')"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/users/login', app: 'UsersController' }, line: 13 }],
    },
    {
      name: '@SkipThrottle() on the subclass turns the global guard off for the inherited routes',
      code: app({ sub: '@SkipThrottle()\n', bootstrap: 'app.useGlobalGuards(new ThrottlerGuard());\n  ' }),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/users/login', app: 'UsersController' }, line: 13 }],
    },
    {
      name: 'a base that is a controller too: its route is a route of both prefixes',
      code: app({ base: "@Controller('crud')\n" }).replace('@Module({ controllers: [UsersController] })', '@Module({ controllers: [UsersController, CrudController] })'),
      output: null,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/crud/login', app: 'CrudController' }, line: 14 },
        { messageId: 'missing', data: { method: 'POST', path: '/users/login', app: 'UsersController' }, line: 14 },
      ],
    },
  ],
});

runRuleTests('require-input-validation', requireInputValidation, {
  valid: [
    { name: 'a global ValidationPipe', code: app({ bootstrap: 'app.useGlobalPipes(new ValidationPipe());\n  ' }) },
    { name: '@UsePipes(ValidationPipe) on the base class', code: app({ base: '@UsePipes(ValidationPipe)\n' }) },
    { name: '@UsePipes(ValidationPipe) on the subclass', code: app({ sub: '@UsePipes(ValidationPipe)\n' }) },
  ],
  invalid: [
    {
      name: "the base's @Body() with no ValidationPipe, under the subclass's route",
      code: app({}),
      output: null,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/users/login', app: 'UsersController', input: '@Body()' }, line: 14 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/users/:id', app: 'UsersController', input: "@Param('id')" }, line: 19 },
      ],
    },
  ],
});

runRuleTests('no-sql-injection', noSqlInjection, {
  valid: [
    { name: 'parameters in a base method', code: app({}).replace('`SELECT * FROM users WHERE id = ${id}`', "'SELECT * FROM users WHERE id = $1', [id]") },
  ],
  invalid: [
    {
      name: "@Param('id') of the base's route, inherited by the subclass, in dataSource.query text",
      code: app({}),
      output: null,
      errors: [{ messageId: 'requestSql', line: 20 }],
    },
    {
      name: 'compiled CommonJS: the base method of __decorate calls on CrudController.prototype',
      code: COMPILED,
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'requestSql', line: 10 }],
    },
    {
      name: 'an abstract base that no controller extends serves no route: its parameter is no request data (only a non-constant part)',
      code: app({}).replace('class UsersController extends CrudController {}', 'class UsersController {}'),
      output: null,
      errors: [{ messageId: 'dynamicSql', line: 20 }],
    },
    {
      name: 'compiled CommonJS: the same',
      code: COMPILED.replace('class UsersController extends CrudController', 'class UsersController'),
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'dynamicSql', line: 10 }],
    },
  ],
});
