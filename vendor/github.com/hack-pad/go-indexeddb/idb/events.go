//go:build js && wasm
// +build js,wasm

package idb

const (
	addEventListener    = "addEventListener"
	removeEventListener = "removeEventListener"
)
