/**
 * The Erlang VM's arguments for a CouchDB node these tests start (CouchDB's own `etc/vm.args`, less its
 * comments), with a node name of its own: nodes of one name cannot run side by side, and a developer's
 * CouchDB has the default one. `distPort` pins the node's distribution port (cluster nodes on one machine).
 */
export function couchVmArgs(options: { name: string; cookie: string; distPort?: number }): string {
	const dist =
		options.distPort === undefined
			? []
			: [
					`-kernel inet_dist_listen_min ${options.distPort}`,
					`-kernel inet_dist_listen_max ${options.distPort}`
				];
	return [
		`-name ${options.name}`,
		`-setcookie ${options.cookie}`,
		'-kernel inet_dist_use_interface {127,0,0,1}',
		...dist,
		'-kernel error_logger silent',
		'-sasl sasl_error_logger false',
		'-kernel prevent_overlapping_partitions false',
		'+SDio 16',
		'+zdbbl 32768',
		'+Bd -noinput',
		'-ssl session_lifetime 300',
		'-os_mon start_cpu_sup false',
		'-os_mon start_memsup false',
		''
	].join('\n');
}
