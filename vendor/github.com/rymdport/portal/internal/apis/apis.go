// Package apis contains dbus paths and call names for various portal apis.
package apis

const (
	ObjectName = "org.freedesktop.portal.Desktop"
	ObjectPath = "/org/freedesktop/portal/desktop"

	CallBaseName = "org.freedesktop.portal"

	PropertiesGetName = "org.freedesktop.DBus.Properties.Get"
)
