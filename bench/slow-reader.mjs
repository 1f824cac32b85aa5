/** Reads stdin slowly, as a pager or a busy consumer would: 64 KiB, then a pause of 1 ms. */
let bytes = 0;
process.stdin.on('readable', function read() {
  const chunk = process.stdin.read(65536);
  if (chunk === null) return;
  bytes += chunk.length;
  setTimeout(read, 1);
});
process.stdin.on('end', () => process.stderr.write(`${bytes} bytes read\n`));
