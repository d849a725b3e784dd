/**
 * routing-controllers (session 21, lane rc21): its decorators are rows of `CONTROLLER_DECORATOR_LIBRARIES`
 * (data/nest.ts) beside @nestjs/common's. Decorated parameters are request data (`@Body()`, `@BodyParam('x')`,
 * `@QueryParam('x')`, `@Param('id')`, `@HeaderParam`, `@CookieParam`), `@Req()` / `@Res()` are Express's request and
 * response; a keyed parameter typed `number` / `boolean` / `Date` is converted from the client's string (an object is
 * passed on as it is), and a DTO body is validated with class-validator unless validation is turned off.
 */
import noNosqlInjection from '../../src/rules/no-nosql-injection';
import noOpenRedirect from '../../src/rules/no-open-redirect';
import noPathTraversal from '../../src/rules/no-path-traversal';
import noReflectedXss from '../../src/rules/no-reflected-xss';
import noSqlInjection from '../../src/rules/no-sql-injection';

import { code, runRuleTests } from '../helpers/rule-tester';

/** A routing-controllers controller with one route method; `header` adds imports or classes. */
function controller(method: string, header = '', decorator = "JsonController('/things')"): string {
  return code`
    import { Body, BodyParam, Controller, CookieParam, Get, HeaderParam, JsonController, Param, Post, QueryParam, Req, Res } from 'routing-controllers';
    import type { Request, Response } from 'express';
    import { DataSource } from 'typeorm';
    import { Model } from 'mongoose';
    ${header}
    @${decorator}
    export class ThingsController {
      constructor(private readonly dataSource: DataSource, private readonly users: Model<User>) {}

      ${method}
    }
  `;
}

const DTO = 'class FindDto { email!: string }';

runRuleTests('no-nosql-injection (routing-controllers)', noNosqlInjection, {
  valid: [
    // validation is on by default: a DTO body is checked by class-validator
    controller("@Post('/find')\n  find(@Body() dto: FindDto) {\n    return this.users.findOne({ email: dto.email });\n  }", DTO),
    // a route parameter typed number is converted from its string
    controller("@Get('/:id')\n  one(@Param('id') id: number) {\n    return this.users.findOne({ id });\n  }"),
    controller("@Post('/find')\n  find(@BodyParam('email') email: string) {\n    return this.users.findOne({ email: String(email) });\n  }"),
    // a parameter that no decorator of the library binds is not request data
    controller("@Post('/find')\n  find(body: any) {\n    return this.users.findOne({ email: body.email });\n  }"),
  ],
  invalid: [
    {
      name: '@Body() typed any into a Mongoose filter',
      code: controller("@Post('/find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: body.email });\n  }"),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 12,
          suggestions: [
            {
              messageId: 'wrapString',
              output: controller("@Post('/find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: String(body.email) });\n  }"),
            },
          ],
        },
      ],
    },
    {
      name: '@Body({ validate: false }) turns class-validator off for the DTO',
      code: controller("@Post('/find')\n  find(@Body({ validate: false }) dto: FindDto) {\n    return this.users.findOne({ email: dto.email });\n  }", DTO),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 12,
          suggestions: [
            {
              messageId: 'wrapString',
              output: controller("@Post('/find')\n  find(@Body({ validate: false }) dto: FindDto) {\n    return this.users.findOne({ email: String(dto.email) });\n  }", DTO),
            },
          ],
        },
      ],
    },
    {
      name: "@BodyParam('age') typed number: a JSON object is passed on unconverted",
      code: controller("@Post('/find')\n  find(@BodyParam('age') age: number) {\n    return this.users.findOne({ age });\n  }"),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 12,
          suggestions: [
            { messageId: 'wrapString', output: controller("@Post('/find')\n  find(@BodyParam('age') age: number) {\n    return this.users.findOne({ age: String(age) });\n  }") },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-sql-injection (routing-controllers)', noSqlInjection, {
  valid: [
    // converted to a number (or rejected) before the handler runs
    controller("@Get('/')\n  list(@QueryParam('limit') limit: number) {\n    return this.dataSource.query(`SELECT * FROM things LIMIT ${limit}`);\n  }"),
    controller("@Get('/')\n  list(@HeaderParam('x-page') page: number) {\n    return this.dataSource.query(`SELECT * FROM things OFFSET ${page}`);\n  }"),
  ],
  invalid: [
    {
      name: "@QueryParam('name') typed string in SQL text",
      code: controller("@Get('/')\n  list(@QueryParam('name') name: string) {\n    return this.dataSource.query(`SELECT * FROM things WHERE name = '${name}'`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestSql', line: 12 }],
    },
    {
      name: "@CookieParam('sort') in SQL text",
      code: controller("@Get('/')\n  list(@CookieParam('sort') sort: string) {\n    return this.dataSource.query(`SELECT * FROM things ORDER BY ${sort}`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestIdentifier', line: 12 }],
    },
  ],
});

/** A controller file that names no other module the rules know (the per-file gate knows routing-controllers). */
const BARE = (target: string): string => code`
  import { Get, JsonController, QueryParam, Res } from 'routing-controllers';

  @JsonController('/go')
  export class GoController {
    @Get('/')
    go(@QueryParam('next') next: string, @Res() res: any) {
      return res.redirect(${target});
    }
  }
`;

runRuleTests('no-open-redirect (routing-controllers)', noOpenRedirect, {
  valid: [controller("@Get('/go')\n  go(@QueryParam('next') next: string, @Res() res: Response) {\n    return res.redirect('/home');\n  }"), BARE("'/home'")],
  invalid: [
    {
      name: 'a controller file that imports only routing-controllers',
      code: BARE('next'),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'next' }, line: 7 }],
    },
    {
      name: "@QueryParam('next') into @Res() res.redirect",
      code: controller("@Get('/go')\n  go(@QueryParam('next') next: string, @Res() res: Response) {\n    return res.redirect(next);\n  }"),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'next' }, line: 12 }],
    },
  ],
});

runRuleTests('no-reflected-xss (routing-controllers)', noReflectedXss, {
  valid: [
    // what a route method returns is not read for routing-controllers (a JsonController sends it as JSON)
    controller("@Get('/hi')\n  hi(@QueryParam('name') name: string) {\n    return `<h1>${name}</h1>`;\n  }"),
    controller("@Get('/hi')\n  hi(@QueryParam('name') name: string, @Res() res: Response) {\n    return res.json({ name });\n  }"),
  ],
  invalid: [
    {
      name: "@QueryParam('name') into @Res() res.send",
      code: controller("@Get('/hi')\n  hi(@QueryParam('name') name: string, @Res() res: Response) {\n    return res.send(`<h1>${name}</h1>`);\n  }", '', "Controller('/things')"),
      output: null,
      errors: [{ messageId: 'reflected', data: { source: 'name', method: 'res.send' }, line: 12 }],
    },
  ],
});

// inversify-express-utils: its decorators are a row of the same table (request data only: its controllers are
// found through the DI container, so their routes' chains stay unknown). It converts and validates nothing.
/** An inversify-express-utils controller with one route method. */
function inversify(method: string, header = ''): string {
  return code`
    import { controller, cookies, httpGet, httpPost, queryParam, request, requestBody, requestParam, response } from 'inversify-express-utils';
    import type { Request, Response } from 'express';
    import { DataSource } from 'typeorm';
    import { Model } from 'mongoose';
    ${header}
    @controller('/things')
    export class ThingsController {
      constructor(private readonly dataSource: DataSource, private readonly users: Model<User>) {}

      ${method}
    }
  `;
}

runRuleTests('no-nosql-injection (inversify-express-utils)', noNosqlInjection, {
  valid: [inversify("@httpPost('/find')\n  find(@requestBody('email') email: string) {\n    return this.users.findOne({ email: String(email) });\n  }")],
  invalid: [
    {
      name: 'a DTO-typed @requestBody() is not validated by the library',
      code: inversify("@httpPost('/find')\n  find(@requestBody() dto: FindDto) {\n    return this.users.findOne({ email: dto.email });\n  }", DTO),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 12,
          suggestions: [
            {
              messageId: 'wrapString',
              output: inversify("@httpPost('/find')\n  find(@requestBody() dto: FindDto) {\n    return this.users.findOne({ email: String(dto.email) });\n  }", DTO),
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-sql-injection (inversify-express-utils)', noSqlInjection, {
  valid: [inversify("@httpGet('/:id')\n  one(@requestParam('id') id: string) {\n    return this.dataSource.query('SELECT * FROM things WHERE id = $1', [id]);\n  }")],
  invalid: [
    {
      name: "@requestParam('id') in SQL text",
      code: inversify("@httpGet('/:id')\n  one(@requestParam('id') id: string) {\n    return this.dataSource.query(`SELECT * FROM things WHERE id = ${id}`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestSql', line: 12 }],
    },
    {
      name: "@queryParam('n') typed number is not converted by the library",
      code: inversify("@httpGet('/')\n  list(@queryParam('n') n: number) {\n    return this.dataSource.query(`SELECT * FROM things LIMIT ${n}`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestSql', line: 12 }],
    },
  ],
});

runRuleTests('no-open-redirect (inversify-express-utils)', noOpenRedirect, {
  valid: [inversify("@httpGet('/go')\n  go(@queryParam('next') next: string, @response() res: Response) {\n    res.redirect('/');\n  }")],
  invalid: [
    {
      name: "@queryParam('next') into @response() res.redirect",
      code: inversify("@httpGet('/go')\n  go(@queryParam('next') next: string, @response() res: Response) {\n    res.redirect(next);\n  }"),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'next' }, line: 12 }],
    },
    {
      name: "@cookies('back') into @response() res.redirect",
      code: inversify("@httpGet('/back')\n  back(@cookies('back') back: string, @response() res: Response) {\n    res.redirect(back);\n  }"),
      output: null,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'back' }, line: 12 }],
    },
  ],
});

runRuleTests('no-path-traversal (routing-controllers)', noPathTraversal, {
  valid: [
    controller("@Get('/file')\n  file(@QueryParam('page') page: number, @Res() res: Response) {\n    return res.sendFile(`/srv/pages/${page}.html`);\n  }"),
    // (session 24: `res.sendFile` answers 403 to a path with a `..` segment: a name after a folder cannot leave it)
    controller("@Get('/file')\n  file(@QueryParam('name') name: string, @Res() res: Response) {\n    return res.sendFile(`/srv/pages/${name}`);\n  }"),
  ],
  invalid: [
    {
      name: "@QueryParam('name') typed string into res.sendFile",
      code: controller("@Get('/file')\n  file(@QueryParam('name') name: string, @Res() res: Response) {\n    return res.sendFile(path.join('/srv/pages', name));\n  }", "import path from 'node:path';"),
      output: null,
      errors: [
        {
          messageId: 'traversal',
          data: {
            method: 'res.sendFile',
            source: 'name',
            without: ' with no root option',
            advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename).",
          },
          line: 12,
        },
      ],
    },
  ],
});

// tsoa: a row of the same table (request data only: tsoa's generated routes register the controllers). `@Query()`,
// `@Path()`, `@Header()`, `@BodyProp()` without a name read the key the parameter is named; the generated routes check
// each parameter against its declared type (a `string` is a string, a `number` is converted or rejected).
/** A tsoa controller with one route method. */
function tsoa(method: string, header = ''): string {
  return code`
    import { Body, Controller, Get, Path, Post, Query, Route } from 'tsoa';
    import { DataSource } from 'typeorm';
    import { Model } from 'mongoose';
    ${header}
    @Route('things')
    export class ThingsController extends Controller {
      constructor(private readonly dataSource: DataSource, private readonly users: Model<User>) {
        super();
      }

      ${method}
    }
  `;
}

runRuleTests('no-sql-injection (tsoa)', noSqlInjection, {
  valid: [tsoa("@Get()\n  list(@Query() limit: number) {\n    return this.dataSource.query(`SELECT * FROM things LIMIT ${limit}`);\n  }")],
  invalid: [
    {
      name: '@Query() name: string reads ?name= into SQL text',
      code: tsoa("@Get()\n  list(@Query() name: string) {\n    return this.dataSource.query(`SELECT * FROM things WHERE name = '${name}'`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestSql', line: 13 }],
    },
    {
      name: "@Path('id') into SQL text",
      code: tsoa("@Get('{id}')\n  one(@Path('id') thingId: string) {\n    return this.dataSource.query(`SELECT * FROM things WHERE id = ${thingId}`);\n  }"),
      output: null,
      errors: [{ messageId: 'requestSql', line: 13 }],
    },
  ],
});

runRuleTests('no-nosql-injection (tsoa)', noNosqlInjection, {
  valid: [
    // a string-typed parameter is checked to be a string; a model's fields are checked
    tsoa("@Get()\n  find(@Query() email: string) {\n    return this.users.findOne({ email });\n  }"),
    tsoa("@Post('find')\n  find(@Body() dto: FindDto) {\n    return this.users.findOne({ email: dto.email });\n  }", DTO),
    tsoa("@Post('find')\n  find(@Body() body: { email: string }) {\n    return this.users.findOne({ email: body.email });\n  }"),
  ],
  invalid: [
    {
      name: '@Body() typed any is not checked',
      code: tsoa("@Post('find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: body.email });\n  }"),
      output: null,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 13,
          suggestions: [
            { messageId: 'wrapString', output: tsoa("@Post('find')\n  find(@Body() body: any) {\n    return this.users.findOne({ email: String(body.email) });\n  }") },
          ],
        },
      ],
    },
  ],
});
