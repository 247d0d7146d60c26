import path from 'node:path';

/**
 * ESLint rule: a file under source/<folder>/ (at any depth) may import another top-level folder
 * of source/ only when the folder table allows it, and a folder with a public entry only through
 * that entry. Imports are resolved against the importing file, so `../../ui/x.js` from
 * source/sim/traffic/ is caught as surely as `../ui/x.js` from source/sim/.
 * Options: `{ may: { folder: [folders it may import] }, entries: { folder: 'index.ts' } }`.
 */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers of source/ apart: allowed folders only, through their public entry.' },
    schema: [{ type: 'object', properties: { may: { type: 'object' }, entries: { type: 'object' } }, additionalProperties: false }],
  },
  create(context) {
    const { may, entries } = context.options[0];
    const root = path.join(context.cwd, 'source');
    const from = path.relative(root, context.filename).split(path.sep);
    const layer = from.length > 1 ? from[0] : undefined;
    if (layer === undefined || from[0] === '..' || !(layer in may)) return {};

    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep);
      const folder = target.length > 1 || target[0] in may ? target[0] : undefined;
      if (folder === undefined || folder === '..' || folder === layer) return;
      if (!may[layer].includes(folder)) {
        const allowed = may[layer].length > 0 ? may[layer].map((f) => `${f}/`).join(', ') : 'no other folder';
        context.report({ node: node.source, message: `${layer}/ may not import ${folder}/ (it may import ${allowed}): "${spec}"` });
        return;
      }
      const entry = entries[folder];
      const rest = target.slice(1).join('/').replace(/\.js$/, '.ts');
      if (entry !== undefined && rest !== entry) {
        context.report({ node: node.source, message: `import ${folder}/ only through its public entry ${folder}/${entry.replace(/\.ts$/, '.js')}: "${spec}"` });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
