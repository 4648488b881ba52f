/**
 * The sandbox's demo OAuth 1.0a consumer. Its key pair is public on purpose, so that anyone can run the OAuth 1.0a
 * dance against the sandbox: a demo key, never for real use.
 */

/** An OAuth 1.0a consumer as registered through Jira's Application Links: key and RSA key pair (PEM). */
export interface DemoOAuth1Consumer {
  readonly consumerKey: string;
  readonly privateKey: string;
  readonly publicKey: string;
}

const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDOJB5T0dIMhvjf
tufU1rzBCrWkSWUZTFgcDMiOrbx/xYXDQhszPiXDG36J9kVKYyHEPARMQ+xf2SRd
wD/nLhWlMAYfG3vRRTiHNdUKOqqxRQmmJjJfjaviv0YhTVKJmY+yKRU12agNZ+aU
NJPFCsfOOXiT/CyZcBrirOcWSfYx5QhqmO2lZugBf6oH9e8Gcuz0LhP0OL4pYsdg
G28cMSSQRUr7CxEuoky5jVp7ZLuZb7KW2W6G7YYCTCuqHFq7lPe3xyAz2s8AoGhh
RxrYxauL5bCatYhFWiuy+E/3zFywOvPDhiZ4l6RzaISXCOsEgngDZyB+AFKCYlY0
pSmSjzv3AgMBAAECgf8FjA+2o30Dg/OgSmgrivEXlhW/AKxic6t5h4kzaiQaL6hN
X+vNPFCrYS54TwvHLY5luXCdDowxXW2dGDn1U/LPYrRVsC7BOf8u+ZkzybWxuind
pA0MTFHiAQrFocDPujWx6vdR0PtfYPqakJa+tqf/HYzLw/1vQAbOhINBpIL7f1rH
IoTv+bk4qcz4CNX3L+qw2zgc+eninjUtjaWgD/4kMNI9g+8anoJNdMCK5vJCUBzK
f9/Ddz9Gu8D0YOMSDg5/fqrAu3b+dUux0msF/FrQPpaBqvLg7rag9vrKP6zxxKRq
WY9njeMLI5lzBqzsPPGpUqET1nIAThblDIcb4jECgYEA9uBdKRkNO3qCpnCtAsbE
Cgyvlx9ur0/snTgiSeztC9B9FestAbBo7erLYckHWFI0jVKBHJ8/PtcGTIM7xTBs
gX4JfN7m6i6eAKvzI/aA48DohI3abgstzDW3L0JWyHWGjmFPKsFyQozwrZAWEot1
BfsIQuMZ3TnKpcb2pHUj9MsCgYEA1cJeJPXVwh3GhN95eKHtELo/xChdtQfFSoNv
Iq2tIbC08386rieaVVQvbFwdzMXawm+q9YyZPBt6bt/meHir/pS7omMElCdzgw/s
ri4Z02Ij7xwg5OO/qZm7CMngJdOBsSSSuoV5hX5HLIRZkAzIEqvgc+Rji8mclFwn
E+TX3AUCgYEAg1Al3VVY53krgzJNpDtrTNkgkKaEbjV56spP2rhuAam8zurPfqWB
uoL3+SQ/huf60ey/hiTiNB+VVx86rJEsNdh/XW8GritrmXnckxVryzjxtIfrVjsV
+hfcPwPvOyLgFl2GCXzptKJY5kjMpMKO1UaIR2Oaf0RdGL5ytFkmbe8CgYBhw9H3
KZCohaHEJ8mQyM56NhTwDF4/a9xqJg7wV2q12/IG5AvclzRZDnXaI49llqBlCVmx
kKqM+SxYBYONWfOgLjpbHNp9QEXujZv8Vg1txpcUx1KsHRYN5cfLTzl7U28fq9CI
Cn/39DdtPuMPpSjkkUPI/Y4h4wYAPN2KlcG8WQKBgQDWL6XjVGHcTmJ0jbvgtabl
OvLEgdYZ8a1i9R5NDCM7vpz/T9q7xnPhkzsxeGunzkbyt0ZOM/moQ4Fez4wcR8F5
kBkgX/k1+OeHpBU3Nw/zXuGrkOeGSSLKh83u6eBjdR+4xlnyGZmPIhfGpBlbWqoI
Cy8OF8aWkvIpCHCrkfqGqQ==
-----END PRIVATE KEY-----
`;

const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAziQeU9HSDIb437bn1Na8
wQq1pEllGUxYHAzIjq28f8WFw0IbMz4lwxt+ifZFSmMhxDwETEPsX9kkXcA/5y4V
pTAGHxt70UU4hzXVCjqqsUUJpiYyX42r4r9GIU1SiZmPsikVNdmoDWfmlDSTxQrH
zjl4k/wsmXAa4qznFkn2MeUIapjtpWboAX+qB/XvBnLs9C4T9Di+KWLHYBtvHDEk
kEVK+wsRLqJMuY1ae2S7mW+yltluhu2GAkwrqhxau5T3t8cgM9rPAKBoYUca2MWr
i+WwmrWIRVorsvhP98xcsDrzw4YmeJekc2iElwjrBIJ4A2cgfgBSgmJWNKUpko87
9wIDAQAB
-----END PUBLIC KEY-----
`;

/** The consumer the Data Center sandbox knows: `demo-consumer` with its (published, demo-only) key pair. */
export const DEMO_OAUTH1_CONSUMER: DemoOAuth1Consumer = Object.freeze({
  consumerKey: 'demo-consumer',
  privateKey: PRIVATE_KEY,
  publicKey: PUBLIC_KEY,
});
