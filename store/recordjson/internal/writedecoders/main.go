// Command writedecoders writes recordjson's decoders_gen.go from the domain types: run it
// with go generate ./store/recordjson after changing a body type in careplan, pam or
// outcomes.
package main

import (
	"fmt"
	"os"

	"carehub/store/recordjson/internal/gen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: writedecoders decoders_gen.go")
		os.Exit(2)
	}
	src, err := gen.Decoders(gen.RootTypes())
	if err == nil {
		err = os.WriteFile(os.Args[1], src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "writedecoders:", err)
		os.Exit(1)
	}
}
