export { insertStatementAfter, lineIndent } from './insert-statement';
export {
  addObjectProperties,
  addObjectProperty,
  removeArrayElement,
  removeObjectProperty,
  replacePropertyValue,
  setObjectProperty,
} from './object-property';
export { addImport, moduleStyle, type ModuleStyle, type ModuleStyleContext } from './add-import';
export { quoted, stringQuote } from './quote';
export { isTypeScriptFile, type LanguageContext } from './typescript';
