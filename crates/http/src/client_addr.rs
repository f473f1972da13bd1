//! The client's address, for throttles, rate limits and the audit log.
//!
//! It is the TCP peer — unless the peer is one of the operator's trusted proxies
//! (`LINLI_TRUSTED_PROXIES`). Then it is the right-most address of `X-Forwarded-For` that
//! is not itself a trusted proxy: each proxy appends the address it was reached from, so
//! that address is the first one a trusted hop wrote; what lies to its left came from the
//! client and can be anything.

use std::{fmt, net::IpAddr, str::FromStr};

/// A block of addresses: `10.0.0.0/8`, `fd00::/8`, or one address (`127.0.0.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Whether `ip` lies in the block (an IPv4 address given as IPv6 `::ffff:a.b.c.d`
    /// counts as the IPv4 address).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                prefix_eq(&net.octets(), &ip.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                prefix_eq(&net.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

fn prefix_eq(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let (whole, rest) = (usize::from(prefix / 8), prefix % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        a[whole] & mask == b[whole] & mask
    }
}

/// Why a block was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCidr(pub String);

impl fmt::Display for BadCidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not an address or an address block such as 10.0.0.0/8",
            self.0
        )
    }
}

impl FromStr for Cidr {
    type Err = BadCidr;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadCidr(text.to_owned());
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network: IpAddr = address.trim().parse().map_err(|_| bad())?;
        let network = network.to_canonical();
        let most = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.trim().parse::<u8>().map_err(|_| bad())?,
            None => most,
        };
        if prefix > most {
            return Err(bad());
        }
        Ok(Cidr { network, prefix })
    }
}

/// The client's address: `peer` unless it is trusted, else the right-most hop of
/// `forwarded_for` (the `X-Forwarded-For` values in order, comma-separated) that is not
/// trusted. Hops that are not addresses end the walk: nothing to their left is believed.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if !is_trusted(peer) {
        return peer.to_canonical();
    }
    let hops = forwarded_for
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect::<Vec<_>>();
    let mut client = peer;
    for hop in hops.into_iter().rev() {
        match parse_hop(hop) {
            Some(ip) => {
                client = ip;
                if !is_trusted(ip) {
                    break;
                }
            }
            None => break,
        }
    }
    client.to_canonical()
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or
/// `[2001:db8::1]:5678`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(sock) = hop.parse::<std::net::SocketAddr>() {
        return Some(sock.ip());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn cidrs(list: &[&str]) -> Vec<Cidr> {
        list.iter().filter_map(|c| c.parse().ok()).collect()
    }

    #[test]
    fn blocks() {
        let c: Cidr = "10.0.0.0/8".parse().unwrap_or(Cidr {
            network: ip("0.0.0.0"),
            prefix: 32,
        });
        assert!(c.contains(ip("10.200.1.1")) && !c.contains(ip("11.0.0.1")));
        assert!(c.contains(ip("::ffff:10.1.1.1")));
        let c: Cidr = "172.16.0.0/12".parse().unwrap_or(Cidr {
            network: ip("0.0.0.0"),
            prefix: 32,
        });
        assert!(c.contains(ip("172.31.255.255")) && !c.contains(ip("172.32.0.1")));
        let c: Cidr = "fd00::/8".parse().unwrap_or(Cidr {
            network: ip("::"),
            prefix: 128,
        });
        assert!(c.contains(ip("fd12::1")) && !c.contains(ip("fe80::1")));
        assert_eq!(cidrs(&["127.0.0.1"]).len(), 1);
        for bad in ["10.0.0.0/33", "nonsense", "10.0.0/8", "::/129", ""] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_client_is_the_right_most_untrusted_hop() {
        let trusted = cidrs(&["10.0.0.0/8", "127.0.0.1"]);
        // A client behind two of our proxies, which forged a first hop.
        assert_eq!(
            client_address(
                ip("10.0.0.2"),
                &["6.6.6.6, 203.0.113.9, 10.0.0.1"],
                &trusted
            ),
            ip("203.0.113.9")
        );
        // The same header from an untrusted peer is ignored.
        assert_eq!(
            client_address(ip("198.51.100.7"), &["6.6.6.6"], &trusted),
            ip("198.51.100.7")
        );
        // Several headers count in order; ports and brackets are dropped.
        assert_eq!(
            client_address(ip("127.0.0.1"), &["6.6.6.6", "[2001:db8::5]:443"], &trusted),
            ip("2001:db8::5")
        );
        // Garbage ends the walk at the last trusted hop.
        assert_eq!(
            client_address(ip("127.0.0.1"), &["203.0.113.9, junk, 10.0.0.1"], &trusted),
            ip("10.0.0.1")
        );
        // Nothing trusted: the peer.
        assert_eq!(
            client_address(ip("10.0.0.2"), &["6.6.6.6"], &[]),
            ip("10.0.0.2")
        );
    }
}
