//go:build !fyne_cross_compat

package commands

const fyneCrossCompat = false
