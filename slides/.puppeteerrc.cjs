// Puppeteer must not download its own browser (the build uses Debian's chromium, see README.md).
module.exports = { skipDownload: true };
