//go:build ignore

// makeicon draws carehub's icon: a house (the "House of Care") holding a heart, white on NHS
// blue. Run with: go run assets/makeicon.go > assets/icon.png
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const size = 512
const ss = 4 // supersampling for smooth edges

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x00, 0x5E, 0xB8, 0xFF}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var bg, white float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					fx := (float64(x) + (float64(sx)+0.5)/ss) / size
					fy := (float64(y) + (float64(sy)+0.5)/ss) / size
					if roundedSquare(fx, fy) {
						bg++
						if house(fx, fy) && !heart(fx, fy) {
							white++
						}
					}
				}
			}
			n := float64(ss * ss)
			a := bg / n
			w := white / n
			if a == 0 {
				continue
			}
			mix := func(b uint8) uint8 { return uint8((float64(b)*(a-w) + 255*w) / a) }
			img.SetNRGBA(x, y, color.NRGBA{mix(blue.R), mix(blue.G), mix(blue.B), uint8(255 * a)})
		}
	}
	if err := png.Encode(os.Stdout, img); err != nil {
		panic(err)
	}
}

func roundedSquare(x, y float64) bool {
	const r = 0.18
	cx := math.Max(math.Abs(x-0.5)-(0.5-r), 0)
	cy := math.Max(math.Abs(y-0.5)-(0.5-r), 0)
	return cx*cx+cy*cy <= r*r
}

// house is a roof triangle over a square body.
func house(x, y float64) bool {
	if y >= 0.47 && y <= 0.80 && x >= 0.27 && x <= 0.73 {
		return true
	}
	// roof: apex (0.5,0.18), eaves at y=0.50 from x=0.17 to 0.83
	if y >= 0.18 && y <= 0.50 {
		half := (y - 0.18) / (0.50 - 0.18) * 0.33
		return math.Abs(x-0.5) <= half
	}
	return false
}

// heart is the classic implicit curve, centred in the house body.
func heart(x, y float64) bool {
	u := (x - 0.5) / 0.14
	v := -(y - 0.62) / 0.14
	q := u*u + v*v - 1
	return q*q*q-u*u*v*v*v <= 0
}
