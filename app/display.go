package app

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// errDisplayUnreachable is what starting the app says when DISPLAY names an X server that is
// not there (a virtual display that was stopped, an SSH session's forwarding gone): one line,
// where the windowing system would panic with a trace.
type errDisplayUnreachable struct{ display string }

func (e errDisplayUnreachable) Error() string {
	return fmt.Sprintf("the app cannot open its window: no screen answers at DISPLAY=%s. "+
		"Start it from the desktop, or see carehub help for the commands", e.display)
}

// displayDialTimeout is how long to wait for the X server: a local one answers at once.
const displayDialTimeout = 2 * time.Second

// dialDisplay connects to an address as an X client would, and hangs up.
func dialDisplay(network, addr string) error {
	c, err := net.DialTimeout(network, addr, displayDialTimeout)
	if err != nil {
		return err
	}
	return c.Close()
}

// xServerAnswers checks that the X server named by display (":99", "localhost:10.0",
// "unix:0") takes connections, through dial. A form it does not know (a path, as macOS's
// XQuartz sets) is left for the windowing system to judge.
func xServerAnswers(display string, dial func(network, addr string) error) error {
	host, rest, ok := strings.Cut(display, ":")
	if !ok || strings.HasPrefix(host, "/") {
		return nil
	}
	num, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return nil
	}
	if host == "" || host == "unix" {
		sock := "/tmp/.X11-unix/X" + num
		if dial("unix", sock) == nil || dial("unix", "@"+sock) == nil { // file, or Linux's abstract socket
			return nil
		}
		return errDisplayUnreachable{display}
	}
	if dial("tcp", net.JoinHostPort(host, strconv.Itoa(6000+n))) != nil {
		return errDisplayUnreachable{display}
	}
	return nil
}
