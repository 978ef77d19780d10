// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB is a native addon: load it with Node's require at run time, never bundle it.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // View URLs carry ARNs, keys and IPs: never hand them to another site.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
