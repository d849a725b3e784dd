// Generated Express files for the scaling check of `npm run bench`.

/** An Express file with `n` routes in the shapes real apps use: app and router routes, `route()` chains, arrays. */
export function generateRoutes(n) {
  const out = [
    "const express = require('express');",
    "const helmet = require('helmet');",
    'const app = express();',
    'app.use(helmet());',
    "app.disable('x-powered-by');",
    'const router = express.Router();',
    'const auth = (req, res, next) => (req.user ? next() : res.status(401).end());',
  ];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        out.push(`app.get('/items/${i}/:id', (req, res) => {\n  res.json({ id: req.params.id, n: ${i} });\n});`);
        break;
      case 1:
        out.push(`router.post('/items/${i}', auth, async (req, res, next) => {\n  try {\n    const item = { ...req.body, n: ${i} };\n    res.status(201).json(item);\n  } catch (err) {\n    next(err);\n  }\n});`);
        break;
      case 2:
        out.push(`app.route('/things/${i}').put([auth], function (req, res) {\n  res.send('ok ' + ${i});\n}).delete(auth, (req, res) => res.sendStatus(204));`);
        break;
      default:
        out.push(`router.use('/nested/${i}', express.Router().get('/', (req, res) => res.end()));`);
    }
  }
  out.push("app.use('/api', router);", 'app.listen(3000);', '');
  return out.join('\n');
}
