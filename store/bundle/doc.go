// Package bundle is the signed, encrypted container that carries sync bundles between carehub
// devices (hub laptops and patients' tablets). It knows nothing of records: each item is an
// opaque byte slice that the store writes and reads back.
//
// A bundle file is, in order: the magic "CHBUNDLE" and a format byte; a clear JSON header
// naming the bundle, its kind and the sending and receiving devices; an ephemeral X25519 public
// key; the contents in AES-256-GCM chunks of at most 1 MiB, keyed to the receiver's X25519 key
// and bound to the header, numbered and flagged so none can be dropped, reordered or moved; an
// end marker; and an Ed25519ph signature by the sender over every byte before it. Inside the
// chunks are the items in order and last a manifest that counts and hashes them.
//
// Reading streams: Verify checks a whole bundle without applying anything, and Each checks it
// all again while handing the items to the caller. Memory use does not grow with the size of a
// bundle. The format is described in full in docs/sync.md, "Bundle file format".
package bundle
