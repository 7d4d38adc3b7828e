import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import forge from 'node-forge';

const DAY = 24 * 60 * 60 * 1000;

function rsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

/**
 * A throwaway CA and a leaf certificate it issued, packed as a PKCS#12 file (key + leaf + CA) at `path`: what an
 * operator's SIGNING_P12 holds. Keys come from node:crypto (fast); certificates and the P12 from node-forge.
 */
export async function makeTestP12(
  path: string,
  opts: { commonName: string; organization: string; password: string; validDays?: number },
) {
  const now = Date.now();
  const ca = rsaKeys();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = '01';
  caCert.validity.notBefore = new Date(now - DAY);
  caCert.validity.notAfter = new Date(now + 365 * DAY);
  const caName = [
    { shortName: 'CN', value: 'Steerboard Test CA' },
    { shortName: 'O', value: 'Steerboard Test' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const leaf = rsaKeys();
  const leafCert = forge.pki.createCertificate();
  leafCert.publicKey = leaf.publicKey;
  leafCert.serialNumber = '02';
  leafCert.validity.notBefore = new Date(now - DAY);
  leafCert.validity.notAfter = new Date(now + (opts.validDays ?? 30) * DAY);
  leafCert.setSubject([
    // UTF8String (valueTagClass 12; forge encodes it): a Vietnamese name as the certificate authority would issue it
    { shortName: 'CN', value: opts.commonName, valueTagClass: 12 as forge.asn1.Class },
    { shortName: 'O', value: opts.organization, valueTagClass: 12 as forge.asn1.Class },
  ]);
  leafCert.setIssuer(caName);
  leafCert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  leafCert.sign(ca.privateKey, forge.md.sha256.create());

  const p12 = forge.pkcs12.toPkcs12Asn1(leaf.privateKey, [leafCert, caCert], opts.password, { algorithm: '3des' });
  await writeFile(path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return { notAfter: leafCert.validity.notAfter, notBefore: leafCert.validity.notBefore };
}
