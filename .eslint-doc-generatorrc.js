/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['templates', '📄'],
    ['package-json', '📦'],
  ],
  // recommended + templates + package-json (and the strict twin): the table shows the parts.
  ignoreConfig: ['recommended-all-files', 'strict-all-files'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It', 'Further Reading'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/secure-express/eslint-plugin-secure-express#configs',
};
