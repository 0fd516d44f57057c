package app

import (
	"bytes"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
)

func TestXServerAnswersDialsWhereDISPLAYPoints(t *testing.T) {
	tests := []struct {
		display string
		want    []string // what is dialled, in order, when nothing answers
	}{
		{":99", []string{"unix /tmp/.X11-unix/X99", "unix @/tmp/.X11-unix/X99"}},
		{":0.0", []string{"unix /tmp/.X11-unix/X0", "unix @/tmp/.X11-unix/X0"}},
		{"unix:3", []string{"unix /tmp/.X11-unix/X3", "unix @/tmp/.X11-unix/X3"}},
		{"localhost:10.0", []string{"tcp localhost:6010"}},
		{"/private/tmp/com.apple.launchd.x/org.xquartz:0", nil},
		{"nonsense", nil},
	}
	for _, tt := range tests {
		var dialled []string
		err := xServerAnswers(tt.display, func(network, addr string) error {
			dialled = append(dialled, network+" "+addr)
			return errors.New("connection refused")
		})
		if strings.Join(dialled, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: dialled %q, want %q", tt.display, dialled, tt.want)
		}
		if (err != nil) != (len(tt.want) > 0) {
			t.Errorf("%s: %v", tt.display, err)
		}
	}
}

// TestUnreachableDisplaySaysSoInOneLine is `DISPLAY=:99 carehub` with nothing at :99: one
// line and a failing exit, and the window is never opened (GLFW would panic with a trace).
func TestUnreachableDisplaySaysSoInOneLine(t *testing.T) {
	var errb bytes.Buffer
	env := Env{Args: nil, Stdout: &bytes.Buffer{}, Stderr: &errb, Now: fixedNow,
		Getenv: func(k string) string {
			if k == "DISPLAY" {
				return "127.0.0.1:" + strconv.Itoa(closedPort(t)-6000)
			}
			return ""
		}}
	code := Main(env, func(string) error { t.Fatal("the window was opened with no screen there"); return nil })
	if code == 0 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "no screen answers at DISPLAY=") {
		t.Errorf("exit %d, said %q", code, errb.String())
	}
}

func TestAnsweringDisplayOpensTheWindow(t *testing.T) {
	if err := xServerAnswers(answeringDisplay(t), dialDisplay); err != nil {
		t.Errorf("a display that answers was refused: %v", err)
	}
}

// answeringDisplay is a DISPLAY at which something takes connections, as an X server would,
// for the life of the test.
func answeringDisplay(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	port := l.Addr().(*net.TCPAddr).Port
	if port < 6000 {
		t.Skipf("port %d is below X's range", port)
	}
	return "127.0.0.1:" + strconv.Itoa(port-6000)
}

// closedPort is a local TCP port nothing listens on (one just freed), at least 6000.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	if port < 6000 {
		t.Skipf("port %d is below X's range", port)
	}
	return port
}
