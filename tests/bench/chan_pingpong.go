// Ping-pong: the same work as chan_pingpong.pyro.
package main

import "fmt"

func echo(ping <-chan int, back chan<- int) {
	for v := range ping {
		back <- v + 1
	}
}

func main() {
	ping := make(chan int)
	back := make(chan int)
	go echo(ping, back)
	total := 0
	for i := 0; i < 1000000; i++ {
		ping <- i
		total += <-back
	}
	close(ping)
	fmt.Println(total)
}
